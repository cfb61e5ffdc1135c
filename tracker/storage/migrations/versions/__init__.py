"""Schema revisions, oldest first; a database made by any of them upgrades to the newest."""
