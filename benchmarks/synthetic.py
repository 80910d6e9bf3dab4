"""Write a synthetic Serge-like bibliography of N entries (deterministic): 40% by one author,
translations linked to originals with original dates, articles in periodicals, undated items.

    python benchmarks/synthetic.py 1000 /tmp/synthetic-1k.bib
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sergebib.io.biblatex_writer import write_biblatex  # noqa: E402
from sergebib.model import Contributor, EDTFDate, Name, Relation, Role, SourceRef, Work  # noqa: E402

WORDS = ("révolution russe mémoires ville conquise minuit siècle années pardon tropique nord naissance force "
         "hommes prison destin lutte classes littérature portrait staline carnets résistance").split()
FAMILIES = ("Trotsky Sedova Greeman Weissman Sedgwick Deutscher Broué Carr Rosmer Souvarine Gide Istrati "
            "Martinet Malaquais Macdonald Orwell Koestler Medvedev Conquest Cohen").split()
GIVEN = ("Leon Natalia Richard Susan Peter Isaac Pierre Edward Alfred Boris André Panaït Marcel Jean "
         "Dwight George Arthur Roy Robert Stephen").split()


def entries(n: int, seed: int = 1890) -> list[Work]:
    rnd = random.Random(seed)
    works: list[Work] = []
    for i in range(n):
        serge = rnd.random() < 0.4
        name = Name(family="Serge", given="Victor") if serge else Name(family=rnd.choice(FAMILIES),
                                                                          given=rnd.choice(GIVEN))
        year = rnd.randint(1909, 1990)
        title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 6))).capitalize()
        kind = rnd.random()
        data = dict(key=f"w{i:06d}", title=title, language="fr", date=EDTFDate.parse(str(year)),
                    contributors=[Contributor(role=Role.AUTHOR, name=name)],
                    sources=[SourceRef(document="003", line=rnd.randint(1, 7580))])
        if kind < 0.35:
            data |= dict(type="article", journaltitle=rnd.choice(["Clarté", "Esprit", "La Wallonie", "Politics"]),
                         number=str(rnd.randint(1, 400)), pages=f"{rnd.randint(1, 300)}--{rnd.randint(301, 600)}")
        elif kind < 0.55 and works:
            original = rnd.choice(works[-50:])
            data |= dict(type="book", language="en", publisher="Doubleday", location="New York",
                         origdate=original.date, origtitle=original.title,
                         relations=[Relation(type="translationof", target=original.key)],
                         contributors=data["contributors"] + [Contributor(
                             role=Role.TRANSLATOR,
                             name=Name(family="Greeman", given="Richard"))],
                         date=EDTFDate.parse(str(min(2020, year + rnd.randint(5, 60)))))
        elif kind < 0.6:
            data |= dict(type="manuscript", date=EDTFDate.undated())
        else:
            data |= dict(type=rnd.choice(["book", "novel"]), publisher=rnd.choice(["Rieder", "Grasset", "Maspero"]),
                         location="Paris")
        works.append(Work(**data))
    return works


if __name__ == "__main__":
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    out.write_text(write_biblatex(entries(count)), encoding="utf-8")
    print(f"{count} entries -> {out}")
