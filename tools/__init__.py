"""Scripts that build, check and measure Synset; importable by the tests as ``tools.*``."""
