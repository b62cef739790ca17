"""The paper ID registry: stable keys and slugs."""

from dlseis_kg.registry import PaperRegistry, mint_slug, paper_key


def test_key_ignores_case_accents_spacing_and_punctuation():
    assert paper_key("Majstorović", "A  Study: of X") == paper_key("majstorovic", "a study of x")


def test_slug_rule():
    assert mint_slug("Yang", 2019, "Deep-learning inversion") == "yang2019deep"
    assert mint_slug("Li", None, "The  use of CNNs") == "linduse"


def test_collisions_get_more_title_words_then_a_number():
    reg = PaperRegistry([])
    a, _ = reg.slug_for("Li", 2020, "Deep learning for denoising")
    b, _ = reg.slug_for("Li", 2020, "Deep learning for picking")
    c, _ = reg.slug_for("Li", 2020, "Deep learning for picking!!")  # same key as b
    assert (a, b, c) == ("li2020deep", "li2020deeplearning", "li2020deeplearning")
    d, new = reg.slug_for("Li", 2020, "Deep learning 2")
    assert d == "li2020deeplearning2" and new


def test_committed_registry_covers_the_real_inventories_and_round_trips(tmp_path):
    reg = PaperRegistry.load()
    assert len(reg.by_key) >= 796
    assert len(reg.slugs) == len(reg.by_key)
    path = reg.save(tmp_path / "papers.csv")
    again = PaperRegistry.load(path)
    assert again.by_key == reg.by_key
