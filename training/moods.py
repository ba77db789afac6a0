"""The five Moodtab moods and how FER2013's seven emotions map onto them.

Keep in sync with src/shared/moods.ts (MOODS): the classifier's output index i is MOODS[i].
"""

MOODS = ("calm", "angry", "sad", "happy", "surprised")

# FER2013 emotion ids: 0 angry, 1 disgust, 2 fear, 3 happy, 4 sad, 5 surprise, 6 neutral.
# Disgust and fear are dropped (not product moods).
FER_TO_MOOD = {6: 0, 0: 1, 4: 2, 3: 3, 5: 4}
