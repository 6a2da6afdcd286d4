"""Open Referral HSDS 3.0 under /api/hsds/: the portal's published data as HSDS records.

``records`` turns the database into HSDS objects (one ``Catalogue`` per request), ``profile``
describes what we add (attributes of our own taxonomy) as JSON Merge Patches of the official
schemas, ``views`` serves the standard HSDS paths and ``tabular`` the same records as a
Frictionless data package.
"""
