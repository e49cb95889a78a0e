#!/usr/bin/python3
"""A real XLIFF/TMX client for the tests (Debian's translate-toolkit), run with Debian's /usr/bin/python3.

  translate_toolkit.py count FILE.xlf        -> {"units": N, "untranslated": N, "placeholders": N}
  translate_toolkit.py fill FILE.xlf OUT.xlf  -> every unit's target: "EN " + its source, placeholders kept as the tool keeps them
  translate_toolkit.py tmx FILE.tmx          -> {"units": N, "translated": N} as translate.storage.tmx reads the memory
  translate_toolkit.py tmxwrite OUT.tmx SRCLANG TGTLANG SOURCE TARGET [SOURCE TARGET...]
                                             -> a TMX written by translate.storage.tmx, one <tu> per pair: {"units": N}
"""
import json
import sys

from translate.storage import xliff
from translate.storage.placeables import StringElem
from translate.storage.placeables.xliff import X


def units(store):
    return [u for u in store.units if not u.isheader()]


def placeholders(elem):
    return sum(1 for node in elem.flatten() if isinstance(node, X))


def main(argv):
    if argv[1] == "tmxwrite":
        from translate.storage import tmx
        srclang, tgtlang, texts = argv[3], argv[4], argv[5:]
        memory = tmx.tmxfile(sourcelanguage=srclang, targetlanguage=tgtlang)
        for source, target in zip(texts[0::2], texts[1::2]):
            memory.addtranslation(source, srclang, target, tgtlang)
        memory.savefile(argv[2])
        print(json.dumps({"units": len(memory.units)}))
        return
    if argv[1] == "tmx":
        from translate.storage import tmx
        memory = tmx.tmxfile.parsefile(argv[2])
        print(json.dumps({"units": len(memory.units), "translated": sum(1 for u in memory.units if u.source and u.target)}))
        return
    store = xliff.xlifffile.parsefile(argv[2])
    if argv[1] == "count":
        found = units(store)
        print(json.dumps({
            "units": len(found),
            "untranslated": sum(1 for u in found if not u.istranslated()),
            "placeholders": sum(placeholders(r) for u in found for r in u.rich_source),
        }))
    elif argv[1] == "fill":
        found = units(store)
        for unit in found:
            unit.rich_target = [StringElem(["EN "] + list(r.sub)) for r in unit.rich_source]
        store.savefile(argv[3])
        print(json.dumps({"units": len(found)}))
    else:
        raise SystemExit("unknown command " + argv[1])


if __name__ == "__main__":
    main(sys.argv)
