"""Demo content for the Transferbörse, taken from Kreis Unna's application "Brücken für Familien" (2012).

The files in ``data/`` hold plain data; ``loader`` writes it to the database. Facts, names and figures
come from the source documents in ``shared/seeds``; all descriptions are our own wording. This app sits
on top of every other app: it may import them all, none of them imports it.
"""
