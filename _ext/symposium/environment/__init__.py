"""The Sphinx glue: config values, the store kept in the build environment, the collector
that fills it, the change records of each output folder, directives, placeholder nodes and
the transforms that run while a page is read."""
