"""SQLAlchemy storage: the mapping (models), engine setup (engine), one transaction per user
action (unit_of_work), queries that return domain records (repository), the append-only rule
for status history (append_only) and the Alembic migrations run on open (migrate, migrations/).

Nothing outside tracker.services and tracker.bootstrap imports from here.
"""
