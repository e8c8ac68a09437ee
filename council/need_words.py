"""A capability the description's words require: images to look at need vision.

"Describe the defects visible in photos of welded joints" asked for nothing without LLM
voters (decision QA 13): nine text-only models were candidates, and only the catalog's
order kept one from being the pick. The words name what the model must see (photos, images,
pictures, screenshots, handwriting), not an image to make ("generate product images") or
a container's ("Docker image"), and not one said absent ("no images", "text only").
Read in the first TASK_HEAD characters (``council.task_head``), where the task is said, not
in a pasted document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.task_head import TASK_HEAD

# what a model does to an image it reads: "describe the defects visible in photos", "label
# product photos", "extract the fields from scanned images", "alt text for product images"
_READ_VERB = (r"(?:describ\w*|extract\w*|read\w*|detect\w*|find\w*|identif\w*|count\w*|"
              r"transcrib\w*|caption\w*|label\w*|tag\w*|classif\w*|sort\w*|moderat\w*|"
              r"inspect\w*|check\w*|review\w*|analy[sz]\w*|recogni[sz]\w*|ocr|digiti[sz]\w*|"
              r"grad\w*|triag\w*|alt[- ]text|captions?)")
_PICTURE = (r"(?:photos?|photographs?|images?|pictures?|screenshots?|screen shots?|"
            r"handwritten \w+|handwriting|scans|scanned (?:images?|pages?|photos?))")
_OWNER = r"(?:(?:the|our|each|every|these|those|all|uploaded|customer|user|users'|\w+)\s+){0,3}"
_SEEN = re.compile(rf"\b{_READ_VERB}\s+{_OWNER}(?:(?:in|from|on|of|for|with)\s+{_OWNER})?"
                   rf"(?P<pic>{_PICTURE})\b", re.IGNORECASE)

# an image the model makes, or no picture at all: "generate images", "Docker image",
# "image generation", "no images", "without screenshots"
_NOT_SEEN_BEFORE = re.compile(
    r"\b(?:generat\w*|creat\w*|draw\w*|produc(?:e|es|ed|ing)|render\w*|design\w*|make|"
    r"makes|making|docker|container|disk|base|vm|os|system|no|without|not|never|exclud\w*)\s+"
    r"(?:(?:an?|the|our|new|some|any|\w+)\s+){0,2}$", re.IGNORECASE)
_NOT_SEEN_AFTER = re.compile(r"\s+(?:generation|generator|tags?|registry|builds?|prompts?|"
                             # the picture word as a modifier: "image URLs", "photo frames",
                             # "image uploads failing" (review 13: read as vision)
                             r"urls?|links?|file ?names?|paths?|frames?|uploads?|metadata|"
                             r"sizes?|formats?|ids?)\b", re.IGNORECASE)
# by a file's property, not what it shows: "sort screenshots by the date in their filename",
# "by file size" (review 13's trap) ...
_BY_FILE_PROPERTY = re.compile(r"\s+by\s+(?:(?:the|their|its)\s+)?(?:(?:[\w-]+\s+){0,2}?(?:in|"
                               r"from|of)\s+(?:the|their|its)\s+file\s?names?|file\s?names?|"
                               r"file\s+sizes?|timestamps?|upload\s+dates?|extensions?|"
                               r"metadata)\b", re.IGNORECASE)
# ... unless the sentence then has the pictures seen: "sort screenshots by timestamp and
# describe what each one shows" (review 14: read as no vision)
_THEN_SEEN = re.compile(rf"[^.;!?\n]*?\b(?:and|then)\s+(?:then\s+)?{_READ_VERB}\s+(?:what|"
                        r"each|every|them|it|the\s+(?:content|contents|text|objects?|people|"
                        r"faces?)|who)\b", re.IGNORECASE)
# a text the model reads about pictures, between the verb and the picture word: "classify
# reviews of our photo ...", "moderate comments on user photos", "translate the captions of
# our photos" (review 13: read as vision)
_TEXT_BETWEEN = re.compile(r"\b(?:reviews?|tickets?|comments?|captions?|messages?|posts?|"
                           r"e-?mails?|notes?|titles?|descriptions?|questions?|complaints?|"
                           r"reports?|feedback|requests?)\b", re.IGNORECASE)
# "the captions of our photos": the captions' text, the noun, not the verb
_CAPTIONS_OF = re.compile(r"captions?\s+of\b", re.IGNORECASE)
# "a photo of the whiteboard is attached": a picture handed to the model
_ATTACHED = re.compile(rf"\b(?:an?|the|this|these|our)\s+(?:[\w-]+\s+)?(?P<pic>{_PICTURE})\b"
                       r"[^.;:]{0,40}?\b(?:is|are)\s+attached\b|"
                       rf"\battached\s+(?:[\w-]+\s+)?(?P<pic2>{_PICTURE})\b", re.IGNORECASE)


@dataclass(frozen=True)
class NeedRead:
    """A capability the words require, and the words that say so."""

    capability: str
    words: str


def needs_in_words(text: str) -> tuple[NeedRead, ...]:
    """The capabilities the task's words require (vision only, for now), each once."""
    head = (text or "")[:TASK_HEAD]
    for m in _SEEN.finditer(head):
        pic = m.start("pic")
        if _NOT_SEEN_BEFORE.search(head, max(0, pic - 40), pic) \
                or _NOT_SEEN_AFTER.match(head, m.end()) or re.search(r"[.;:!?\n]", m.group(0)) \
                or ((by := _BY_FILE_PROPERTY.match(head, m.end())) is not None
                    and _THEN_SEEN.match(head, by.end()) is None) \
                or _TEXT_BETWEEN.search(head, verb_end := m.start() + len(m.group(0).split()[0]),
                                        pic) \
                or _CAPTIONS_OF.match(head, m.start(), verb_end + 4):
            continue
        return (NeedRead("vision", m.group(0).strip()),)
    attached = _ATTACHED.search(head)
    if attached is not None:
        return (NeedRead("vision", attached.group(0).strip()),)
    return ()
