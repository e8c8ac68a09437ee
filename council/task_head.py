"""Where a description says its task: its first ``TASK_HEAD`` characters.

The word readers that decide what the task asks for read only there, not deep in a pasted
document ("your payment could be as low as $0 per month", a contract's "at least 50%", a
"Docker image" in a log): an amount a month said with no word of what it is
(``council.money_words``), a quality floor (``council.floor_words``), a check on an answer
(``council.check_words``) and a capability such as vision (``council.need_words``). One figure
for all four (review 13: three modules spelt their own 300 and a fourth borrowed money's).
"""

from __future__ import annotations

TASK_HEAD = 300
