"""Resolution quality: hand-written pairs of raw values that must name the same concept,
or different ones, in every scheme. The raw values are spellings of the three
inventories (and a few a user's inventory may bring)."""

from __future__ import annotations

import pytest

from dlseis_kg.vocab import Vocabulary

SAME, DIFF = "same", "different"

PAIRS = [
    # architecture
    ("architecture", "LASTM", "LSTM", SAME),
    ("architecture", "Autoencoders", "Autoencoder", SAME),
    ("architecture", "GoogLeNet", "GoogleNet", SAME),
    ("architecture", "SENet", "SENET", SAME),
    ("architecture", "LSTM", "GRU", DIFF),
    ("architecture", "U-Net", "SegNet", DIFF),
    ("architecture", "VGG", "VGG19", DIFF),
    ("architecture", "CAE", "Autoencoder", DIFF),
    # network type
    ("network-type", "CNN", "convolutional neural network", SAME),
    ("network-type", "FC", "fully connected", SAME),
    ("network-type", "LSTM", "RNN", DIFF),
    ("network-type", "SOM", "FC", DIFF),
    # ML family
    ("ml-family", "SVM", "Support Vector Machine", SAME),
    ("ml-family", "ANN", "Neural Network", SAME),
    ("ml-family", "RF", "Random Forest", SAME),
    ("ml-family", "KNN", "K-Nearest Neighbour", SAME),
    ("ml-family", "NB", "Naive Bayes", SAME),
    ("ml-family", "LR", "Logistic Regression", SAME),
    ("ml-family", "K-Mean", "k-means", SAME),
    ("ml-family", "k\u2010means", "k-means", SAME),
    ("ml-family", "Gussian Naive Bayes", "Gaussian Naive Bayes", SAME),
    ("ml-family", "Gaussian Naive Bayes", "Naive Bayes", DIFF),
    ("ml-family", "DT", "Dictionary Learning", DIFF),
    ("ml-family", "Gaussian Process", "Deep Gaussian Process", DIFF),
    ("ml-family", "XGBoost", "Gradient Boosting Machine", DIFF),
    # learning paradigm
    ("learning-paradigm", "Supervisedd Learning", "Supervised_Learning", SAME),
    ("learning-paradigm", "Unsupervised", "Unsupervised_Learning", SAME),
    ("learning-paradigm", "Unsupervisedd Learning", "Unsupervised_Learning", SAME),
    ("learning-paradigm", "Semi-Supervised_Learning", "Supervised_Learning", DIFF),
    ("learning-paradigm", "Self-Supervised_Learning", "Supervised_Learning", DIFF),
    ("learning-paradigm", "Unsupervised", "Semi-Supervised_Learning", DIFF),
    # metric
    ("metric", "R_square", "R2", SAME),
    ("metric", "R-square", "R²", SAME),
    ("metric", "R2 score", "R_squared", SAME),
    ("metric", "F1-Score", "F1 score", SAME),
    ("metric", "F-score", "F1-score", SAME),
    ("metric", "F1-value", "F1", SAME),
    ("metric", "IOU", "IoU", SAME),
    ("metric", "Acc", "accuracy", SAME),
    ("metric", "AUROC", "ROC AUC", SAME),
    ("metric", "TPR", "Recall", SAME),
    ("metric", "Sensitivity", "true positive rate", SAME),
    ("metric", "Positive Predictive Value", "Precision", SAME),
    ("metric", "NPV", "Negative Predictive Value", SAME),
    ("metric", "FPR", "false positive rate", SAME),
    ("metric", "specificity", "true negative rate", SAME),
    ("metric", "peak signal-to-noise ratio (PSNR)", "PSNR", SAME),
    ("metric", "PS/N (peak signal-to-noise ratio)", "PSNR", SAME),
    ("metric", "structural similarity image metric (SSIM)", "SSIM", SAME),
    ("metric", "deviasion", "deviation", SAME),
    ("metric", "picking-error", "Picking Error", SAME),
    ("metric", "success_rate", "Success Rates", SAME),
    ("metric", "MSE", "RMSE", DIFF),
    ("metric", "MAE", "MdAE", DIFF),
    ("metric", "Precision", "Recall", DIFF),
    ("metric", "PR AUC", "ROC AUC", DIFF),
    ("metric", "AUC", "ROC AUC", DIFF),
    ("metric", "R", "R2", DIFF),
    ("metric", "SSIM", "MSSIM", DIFF),
    ("metric", "selectivity", "specificity", DIFF),
    ("metric", "Prediction", "Precision", DIFF),
    ("metric", "error < 0.1 s", "error < 0.01 s", DIFF),
    ("metric", "SNR", "PSNR", DIFF),
    # baseline
    ("baseline", "GDP", "GPD", SAME),
    ("baseline", "Pero et al.", "ConvNetQuake", SAME),
    ("baseline", "FilterPicker", "Filter Picker", SAME),
    ("baseline", "band-pass filetering", "band-pass filtering", SAME),
    ("baseline", "band-pass filter", "band-pass filtering", SAME),
    ("baseline", "fxdec", "f-x deconvolution", SAME),
    ("baseline", "f-x prediction filtering", "F-X deconvolution", SAME),
    ("baseline", "BM3D", "block-matching 3D filtering", SAME),
    ("baseline", "WT", "wavelet transform", SAME),
    ("baseline", "LDA", "linear discrimination analysis", SAME),
    ("baseline", "Dictionary Learning", "DT", SAME),
    ("baseline", "sing-station CNN", "single-station CNN", SAME),
    ("baseline", "Wang&Tang_1995", "Wang&Teng_1995", SAME),
    ("baseline", "classical STA/LTA", "STA/LTA", SAME),
    ("baseline", "STA/LTA", "recursive STA/LTA", DIFF),
    ("baseline", "AR", "AR-AIC", DIFF),
    ("baseline", "f-k filtering", "f-x filtering", DIFF),
    ("baseline", "SSA", "f-x singular spectrum analysis", DIFF),
    ("baseline", "PhaseNet", "U-Net", DIFF),
    ("baseline", "multi-station CNN", "single-station CNN", DIFF),
    # venue
    ("venue", "IEEE-Acess", "IEEE Access", SAME),
    ("venue", "IEEE-Access", "IEEE Access", SAME),
    ("venue", "GJI", "Geophysical Journal International", SAME),
    ("venue", "BSSA", "Bulletin of the Seismological Society of America", SAME),
    ("venue", "arXive", "arXiv", SAME),
    ("venue", "IEEE-TGRS-XX", "IEEE_TGRS", SAME),
    ("venue", "SRL-XX", "SRL", SAME),
    ("venue", "BSSA-XX", "BSSA", SAME),
    ("venue", "GRSL", "IEEE-GRSL", SAME),
    ("venue", "IEEE-GRLS", "IEEE-GRSL", SAME),
    ("venue", "TLE", "The Leading Edge", SAME),
    ("venue", "Leading Edge", "The Leading Edge", SAME),
    ("venue", "PEPI", "Physics of the Earth and Planetary Interiors", SAME),
    ("venue", "Pure Appl. Geophys.", "Pure and Applied Geophysics", SAME),
    ("venue", "Nature Communication", "Nature Communications", SAME),
    ("venue", "NeurIPS", "Advances in Neural Information Processing Systems (NIPS)", SAME),
    ("venue", "IEEE-JSTAORS", "IEEE-JSTARS", SAME),
    ("venue", "Geophyscis", "Geophysics", SAME),
    ("venue", "Computers and Geosciences", "Computers & Geosciences-XX", SAME),
    ("venue", "GRL", "IEEE-GRSL", DIFF),
    ("venue", "Geophysics", "Geophysical Prospecting", DIFF),
    ("venue", "Nature", "Nature Geoscience", DIFF),
    ("venue", "Mathematical Geology", "Mathematical Geosciences", DIFF),
    ("venue", "JGR", "GJI", DIFF),
    # task, sub-task, categories
    ("task", "Seismic Denoisinf", "Seismic Denoising", SAME),
    ("task", "Phase Picking", "First Break Picking", DIFF),
    ("task", "Velocity Estimation", "Velocity Model Building", DIFF),
    ("task", "Pattern Recognition", "Exploratory Data Analysis", DIFF),
    ("sub-task", "Tsumani", "Tsunami", SAME),
    ("sub-task", "Structrue_Channel", "Structure_Channel", SAME),
    ("sub-task", "Multi-Station", "Multi_Station", SAME),
    ("sub-task", "Poststack", "Post_Stack", SAME),
    ("sub-task", "P", "P-wave", SAME),
    ("sub-task", "Earthquake", "Quake", SAME),
    ("sub-task", "Prestack", "Post_Stack", DIFF),
    ("sub-task", "Single_Station", "Multi_Station", DIFF),
    ("category", "Forward Modeling", "Inverse Problems", DIFF),
    ("sub-category-1", "Active Seismology", "Passive Seismology", DIFF),
    ("sub-category-2", "Seismic Image Processing", "Seismic Image Interpretation", DIFF),
    # data domain and origin
    ("data-domain", "time\u2013frequency", "time-frequency", SAME),
    ("data-domain", "frequecny", "frequency", SAME),
    ("data-domain", "features", "feature", SAME),
    ("data-domain", "Time", "time", SAME),
    ("data-domain", "singular specra", "singular spectra", SAME),
    ("data-domain", "time", "time-frequency", DIFF),
    ("data-domain", "image", "2D image", DIFF),
    ("data-origin", "Synthetic", "synthetic", SAME),
    ("data-origin", "synthetic", "semi-synthetic", DIFF),
]


@pytest.fixture(scope="module")
def vocab():
    return Vocabulary.load()


def test_enough_pairs_in_every_scheme(vocab):
    assert len(PAIRS) >= 60
    assert {s for s, *_ in PAIRS} == {s.name for s in vocab.by_column.values()}
    assert {k for *_, k in PAIRS} == {SAME, DIFF}


@pytest.mark.parametrize(
    ("scheme", "a", "b", "kind"), PAIRS, ids=[f"{s}:{a}~{b}" for s, a, b, _ in PAIRS]
)
def test_pair(vocab, scheme, a, b, kind):
    ra, rb = vocab.resolve(scheme, a), vocab.resolve(scheme, b)
    assert "minted" not in (ra.how, rb.how), f"{a!r} or {b!r} is not in the {scheme} tables"
    if kind == SAME:
        assert ra.concept is rb.concept, f"{a!r} -> {ra.concept.slug}, {b!r} -> {rb.concept.slug}"
    else:
        assert ra.concept is not rb.concept, f"{a!r} and {b!r} both -> {ra.concept.slug}"
