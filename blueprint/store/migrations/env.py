"""Alembic's environment: migrate the connection the store hands over (see ``database._migrate``)."""

from alembic import context

from blueprint.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
