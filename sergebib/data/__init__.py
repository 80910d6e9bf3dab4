"""Package data: the person registry, and (in an installed package) the bundled bibliography and styles."""
