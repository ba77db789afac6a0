"""The five Moodtab moods and how FER2013's labels and the FER+ votes map onto them.

Keep in sync with src/model/moods.ts (MOODS) and src/node/ferCsv.ts: the classifier's output
index i is MOODS[i].
"""

MOODS = ("calm", "angry", "sad", "happy", "surprised")

# FER2013 emotion ids: 0 angry, 1 disgust, 2 fear, 3 happy, 4 sad, 5 surprise, 6 neutral.
# Disgust and fear are dropped (not product moods).
FER_TO_MOOD = {6: 0, 0: 1, 4: 2, 3: 3, 5: 4}

# FER+ vote columns, in Moodtab mood order, and the columns that are none of the five moods.
FERPLUS_MOOD_COLUMNS = ("neutral", "anger", "sadness", "happiness", "surprise")
FERPLUS_OTHER_COLUMNS = ("disgust", "fear", "contempt", "unknown", "NF")


def ferplus_majority(mood_votes, other_votes):
    """The FER+ majority among the five moods, or -1 when there is none: a tie for the most
    votes, or a face whose most-voted column is not a mood (unknown, not a face, fear, ...).
    The same rule as src/node/ferCsv.ts, so Python and Node score the same faces."""
    top = max(mood_votes)
    if top <= 0 or sum(1 for v in mood_votes if v == top) > 1 or max(other_votes, default=0) >= top:
        return -1
    return list(mood_votes).index(top)
