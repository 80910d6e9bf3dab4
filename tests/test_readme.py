"""The README's Python examples run as written (they are the API's documentation)."""

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_python_blocks_run():
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) >= 2
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)  # noqa: S102
    assert namespace["mine"].problems and "does not exist in 1930-02" in str(namespace["mine"].problems[0])


def test_readme_first_code_block_is_the_two_setup_commands():
    first = re.search(r"```\w*\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S).group(1)
    commands = [ln.split("#")[0].strip() for ln in first.splitlines() if ln.strip()]
    assert commands == ["python3 tasks.py demo", "python3 tasks.py test"]
