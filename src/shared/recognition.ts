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
  /** Faces seen in the frame; the largest one was read. */
  faces: number;
  /** Where the face that was read is, in image pixels. */
  face: { box: Box };
  /** Frames averaged (burst mode). */
  frames: number;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}
