"""The Alembic environment (env.py) and the revision scripts (versions/), run by ``migrate``."""
