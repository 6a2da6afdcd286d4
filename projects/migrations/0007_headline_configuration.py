from django.db import migrations

# For search snippets only: unaccent without the stemmer. ts_headline parses every word of the
# document; skipping the Snowball stemmer halves its cost. German stems are prefixes of the unaccented
# words, so the prefix query ("familienzentr:*") still marks "Familienzentrum" in the snippet.
CONFIGURATION = """
CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION simple_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0006_facet_and_chain_counts"),
    ]

    operations = [
        migrations.RunSQL(CONFIGURATION, "DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent;"),
    ]
