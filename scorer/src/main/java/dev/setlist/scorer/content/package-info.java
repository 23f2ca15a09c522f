/**
 * What items are, rather than who played them: {@link dev.setlist.scorer.content.ItemFeatures} turns
 * catalog profiles (kind, genres, tags, people, studio, year band, series, artist, album) into idf-weighted
 * unit feature vectors; {@link dev.setlist.scorer.content.ContentTrainer} fits a ridge regression from those
 * features to the iALS item vectors of the items people played, so that
 * {@link dev.setlist.scorer.content.ContentModel} can give an item added today a vector (and a taste score)
 * before anyone plays it, and can measure how close each item's features are to a person's history. It
 * depends on the catalog, data and ALS packages; it must not depend on candidates, rules or the server.
 */
package dev.setlist.scorer.content;
