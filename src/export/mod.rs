//! Exports and imports: brat, W3C Web Annotation, CSV, doccano, PolNeAR JSONL, networks.
