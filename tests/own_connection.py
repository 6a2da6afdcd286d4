"""For tests of concurrent writers: data committed for real, from a connection of its own."""

import threading

from django.db import connection


def in_own_connection(function, *args, timeout: float = 20):
    """Run ``function`` in a thread, i.e. on its own database connection in autocommit mode."""
    outcome = {}

    def run():
        try:
            outcome["result"] = function(*args)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=timeout)
    return outcome["result"]
