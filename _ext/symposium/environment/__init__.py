"""The Sphinx glue: config values, the store kept in the build environment, the collector
that fills it, what an incremental rebuild writes again (``rebuilds``), the program's history
read from git (``git_history``), the build's record files (``build_records``), the placeholder
kinds (``placeholder_nodes``), their directives and the transforms that run while a page is read."""
