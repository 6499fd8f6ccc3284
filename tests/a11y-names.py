#!/usr/bin/python3
# a11y-names.py — what an assistive technology hears: the names and roles of
# one process's interactive widgets on the accessibility bus (AT-SPI).
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: a11y-names.py PID
# Prints one JSON list: each focusable, interactive, visible widget of the
# process with its role, its name and what is wrong with the name, if
# anything: none, a type name (GtkSwitch), or a mnemonic underscore.
# Exits 77 when pyatspi is missing, 2 when the process is not on the bus.
import json
import re
import sys
import time

try:
    import pyatspi
except ImportError:
    print('pyatspi is missing (python3-pyatspi)', file=sys.stderr)
    sys.exit(77)

INTERACTIVE = {
    'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'slider', 'spin button',
    'text', 'entry', 'password text', 'page tab', 'menu item', 'check menu item', 'radio menu item',
    'switch', 'list item', 'table cell', 'link', 'tree item',
}
TYPE_NAME = re.compile(r'^(Gtk|Adw|Kj|Gdk)[A-Z][A-Za-z]*$')


def find_application(pid):
    for _ in range(100):
        for app in pyatspi.Registry.getDesktop(0):
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:
                pass
        time.sleep(0.1)
    return None


def problem_of(name):
    if not name.strip():
        return 'no name'
    if TYPE_NAME.match(name.strip()):
        return 'a type name'
    if '_' in name:
        return 'a mnemonic underscore'
    return None


def walk(accessible, path, found):
    try:
        role = accessible.getRoleName()
        name = accessible.name or ''
        states = accessible.getState()
    except Exception:
        return
    if not states.contains(pyatspi.STATE_VISIBLE):
        return
    here = path + ['%s “%s”' % (role, name)]
    if role in INTERACTIVE and states.contains(pyatspi.STATE_FOCUSABLE):
        found.append({
            'role': role,
            'name': name,
            'problem': problem_of(name),
            'checked': states.contains(pyatspi.STATE_CHECKED) or states.contains(pyatspi.STATE_PRESSED),
            'path': ' › '.join(here[-4:]),
        })
    for i in range(accessible.childCount):
        child = accessible.getChildAtIndex(i)
        if child is not None:
            walk(child, here, found)


def main():
    app = find_application(int(sys.argv[1]))
    if app is None:
        print('process %s is not on the accessibility bus' % sys.argv[1], file=sys.stderr)
        return 2
    found = []
    for i in range(app.childCount):
        walk(app.getChildAtIndex(i), [], found)
    json.dump(found, sys.stdout, ensure_ascii=False, indent=1)
    return 0


sys.exit(main())
