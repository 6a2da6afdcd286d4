# The API has no tables of its own: it reads the published records of the other apps.
