"""One user action, one transaction: the unit of work owns the Session for its duration.

Leaving the ``with`` block without ``commit()`` rolls back, so an exception half-way through an
import leaves no trace. Database errors surface as StorageError, a lost optimistic-locking race
as StaleEdit, both with one-line messages.
"""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from tracker.errors import StaleEdit, StorageError
from tracker.storage import append_only
from tracker.storage.engine import WRITES
from tracker.storage.errors import describe_database_error

STALE_MESSAGE = (
    "the provision was changed elsewhere since it was read; reload it and try again (nothing was saved)"
)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    append_only.install()
    # Records leave the unit of work as plain dataclasses, so nothing needs the ORM objects
    # after commit; not expiring them saves a reload per object.
    return sessionmaker(engine, expire_on_commit=False, autoflush=True)


class UnitOfWork:
    def __init__(self, sessions: sessionmaker[Session], *, writes: bool = False) -> None:
        self._sessions = sessions
        self._writes = writes
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its with-block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        session = self._sessions()
        if self._writes:
            try:
                # Begins the transaction now, holding the write lock where the backend has one.
                session.connection(execution_options={WRITES: True})
            except SQLAlchemyError as error:
                session.close()
                raise StorageError(describe_database_error(error)) from error
        self._session = session
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session = self.session
        self._session = None
        try:
            session.rollback()  # a no-op after commit(); undoes everything otherwise
        except SQLAlchemyError:
            # The connection is broken (e.g. a damaged file); closing discards it, and the
            # database itself rolls back the unfinished transaction.
            pass
        finally:
            session.close()
        if isinstance(error, StaleDataError):
            raise StaleEdit(STALE_MESSAGE) from error
        if isinstance(error, SQLAlchemyError):
            raise StorageError(describe_database_error(error)) from error

    def commit(self) -> None:
        self.session.commit()
