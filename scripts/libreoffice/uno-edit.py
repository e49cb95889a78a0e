#!/usr/bin/python3
"""A Word client that is not ours, for tests: LibreOffice driven through its UNO API (Debian's python3-uno).

    uno-edit.py resave IN.docx OUT.docx       open and save again as Word 2007-365 (.docx)
    uno-edit.py edit-annex IN.docx OUT.docx   with change recording on, in the first table: delete the 2nd activity
                                              row, renumber the 3rd activity "3." -> "2.", replace the first word of
                                              the 4th activity's Activities cell with "Réviser", insert a row after
                                              the 4th activity numbered "99." reading "Activité insérée par LibreOffice"

The first table's rows are: the headings, the row of questions, the EXAMPLE row, then the activities.
Each run starts its own soffice with its own profile and port (parallel runs sharing a profile lose files), and
stops it. Run it with Debian's /usr/bin/python3, where the uno module lives.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

FIRST_ACTIVITY = 3
WORD_FILTER = "MS Word 2007 XML"


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Office:
    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="lo-uno-")
        port = free_port()
        self.process = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
             "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
             "--accept=socket,host=127.0.0.1,port=%d;urp;" % port],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 120
        while True:
            try:
                self.context = resolver.resolve(
                    "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
                break
            except NoConnectException:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise SystemExit("soffice did not start")
                time.sleep(0.2)
        self.desktop = self.context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", self.context)
        return self

    def open(self, path):
        return self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))

    def dispatch(self, document, command):
        dispatcher = self.context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.context)
        dispatcher.executeDispatch(document.CurrentController.Frame, command, "", 0, ())

    def __exit__(self, *_):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def save(document, path):
    document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), (prop("FilterName", WORD_FILTER),))
    document.close(True)


def select_cell(office, document, table, column, row):
    cursor = table.getCellByPosition(column, row).createTextCursor()
    document.CurrentController.select(cursor)


def edit_annex(office, document):
    document.RecordChanges = True
    table = document.TextTables.getByIndex(0)
    second, third, fourth = FIRST_ACTIVITY + 1, FIRST_ACTIVITY + 2, FIRST_ACTIVITY + 3

    number = table.getCellByPosition(0, third).createTextCursor()
    number.gotoStart(False)
    number.goRight(1, True)
    number.setString("2")

    activity = table.getCellByPosition(3, fourth).createTextCursor()
    activity.gotoStart(False)
    activity.gotoEndOfWord(True)
    activity.setString("Réviser")

    select_cell(office, document, table, 0, fourth)
    office.dispatch(document, ".uno:InsertRowsAfter")
    table.getCellByPosition(0, fourth + 1).setString("99.")
    table.getCellByPosition(3, fourth + 1).setString("Activité insérée par LibreOffice")

    select_cell(office, document, table, 0, second)
    office.dispatch(document, ".uno:DeleteRows")


def main(arguments):
    if len(arguments) != 3 or arguments[0] not in ("resave", "edit-annex"):
        raise SystemExit(__doc__)
    verb, source, target = arguments
    with Office() as office:
        document = office.open(source)
        if document is None:
            raise SystemExit("LibreOffice could not open " + source)
        if verb == "edit-annex":
            edit_annex(office, document)
        save(document, target)


if __name__ == "__main__":
    main(sys.argv[1:])
