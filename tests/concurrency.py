"""Running two things at the same moment, each on its own database connection (the real race)."""

import threading

from django.db import connection


def at_once(*actions):
    """Call every action at the same moment, each in a thread of its own; returns what each returned,
    or the exception it raised, in order."""
    ready = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(number):
        try:
            ready.wait(timeout=10)
            results[number] = actions[number]()
        except Exception as error:  # returned, to be asserted on, rather than lost in the thread
            results[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(number,)) for number in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
