"""Where a description's request ends and its pasted material begins (no model needed)."""

from __future__ import annotations

from council.assess.request_text import MAX_OPENING, RequestSplit, split_request

MAIL = ("Hi Tom, as I already said three times in the last meeting, the report was due on "
        "Monday and I still have not seen it. Let me know when I can expect it.")


def test_an_opening_line_ending_in_a_colon_is_the_request() -> None:
    assert split_request(f"Make this less passive aggressive:\n{MAIL}") == RequestSplit(
        "Make this less passive aggressive:", MAIL)


def test_a_blank_line_or_a_code_fence_opens_the_material() -> None:
    code = "```ts\nexport const add = (a: number, b: number) => a + b;\n```"
    split = split_request(f"Write Jest tests for this function\n\n{code}")
    assert split is not None and split.request == "Write Jest tests for this function"
    split = split_request(f"Write Jest tests for this function {code}")
    assert split is not None and split.material == code


def test_a_closing_question_after_the_material_is_the_request() -> None:
    policy = ("Returns are accepted within 30 days of delivery for unused items in their "
              "original packaging. Mattresses may be returned within 100 nights.")
    split = split_request(f"{policy}\n\nCan I still send back the mattress I opened?")
    assert split == RequestSplit("Can I still send back the mattress I opened?", policy)


def test_a_closing_block_that_neither_asks_nor_orders_is_material() -> None:
    assert split_request(f"{MAIL}\n\nBest regards, Anna") is None


def test_no_split_without_material_or_without_words_of_the_person() -> None:
    assert split_request("Summarise this email thread into three bullet points") is None
    assert split_request("Translate this:\nhola") is None  # too little material
    assert split_request("def add(a, b):\n    return a + b\n\nx = add(1, 2)") is None
    assert split_request("x" * (MAX_OPENING + 10) + "\n\n" + MAIL) is None
