"""Step 2, skills: the spaCy pipeline and the fitted TF-IDF matcher find mentions in a document.

``extractor`` holds the two stateful objects; ``mentions`` is where a mention is made;
``rules`` decides whether it counts.
"""
