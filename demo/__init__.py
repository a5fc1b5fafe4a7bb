"""The fictional demo neighbourhood "Mühlbach-Süd" in the made-up town of Auenstadt.

Its content is data: YAML files in demo/data/ (one per section, German; translations in
demo/data/translations/<language>.yaml), read through demo/loader.py. The builders
(demo/build.py and the *_build.py modules) turn it into pages, people, votes, bodies and the
fund through the apps' own models and services; `python manage.py load_demo` runs them.
"""
