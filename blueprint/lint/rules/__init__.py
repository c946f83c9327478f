"""The lint rules, one module each; :mod:`blueprint.lint.registry` lists them."""
