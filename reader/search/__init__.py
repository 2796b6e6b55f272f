"""Keyword search: a Whoosh index over every block, jieba words for ranking, character bigrams for completeness."""
