"""Nothing of meldingen is in /beheer/: meldingen are changed through the app's services, which check the
rules and write the audit trail; the admin would bypass both. The audit trail's read-only pages are in
kern/admin.py, with the trail itself."""
