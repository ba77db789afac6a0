/** What the recognition pipeline reads from a picture; plain data, so any context can carry it. */
import type { Mood, MoodProbabilities } from './moods';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RecognitionResult {
  mood: Mood;
  probabilities: MoodProbabilities;
  /** Each model's own reading, before the blend (for evaluation; the blend is what is used). */
  sources?: { densenet: MoodProbabilities; expression?: MoodProbabilities };
  /** Faces seen in the frame; the largest one was read. */
  faces: number;
  face: {
    /** Where the face that was read is, in image pixels. */
    box: Box;
    /**
     * The aligned 48x48 face the classifier read (first frame of a burst): grey levels 0..255,
     * row by row. Shown to the user beside the result; held in memory only, never stored.
     */
    crop: number[];
  };
  /** Frames averaged (burst mode). */
  frames: number;
  /** Milliseconds per stage, summed over the frames. */
  timings: Record<string, number>;
}

/** What a still picture (a photo) reads as: every face found, largest first, and one face's reading. */
export interface PhotoReading {
  /** The reading of the face asked for (by default the largest). */
  result: RecognitionResult;
  /** Every face found, largest first, in the pixels of the picture read. */
  faces: Box[];
}
