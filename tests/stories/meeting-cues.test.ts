import { describe, expect, it } from 'vitest';
import { meetingCues, meetingPlaces, meetingState } from '../../src/stories/event-cues.js';

describe('the meeting cues of a text, at once', () => {
  it('are its meetingPlaces and meetingState, whichever meeting word it writes and however cased', () => {
    const texts = [
      'Senior officials held high-level talks at the Pentagon to discuss defense.',
      'The summit in Paris ended early.',
      'The conference at Davos drew leaders.',
      'Negotiations in Doha stalled; the dialogue in Oslo went on.',
      'They MET AT the Kremlin.',
      'Beijing DECLINED A MEETING with Washington.',
      'The decision to halt negotiations reflects strains.',
      'The resumption of the dialogue was welcome.',
      'Xi began his visit, meeting with leaders in Seattle.',
      'The talks were held in Geneva, then called off: officials refused to meet.',
    ];
    for (const text of texts) {
      const cues = meetingCues(text);
      expect(cues).toEqual({ places: meetingPlaces(text), meeting: meetingState(text) });
      expect(cues.places.length > 0 || cues.meeting !== 0).toBe(true);
    }
  });

  it('are none in a text without a meeting word', () => {
    expect(meetingCues('Taiwan is on high alert amid increased Chinese military activity in Fujian.')).toEqual({ places: [], meeting: 0 });
    expect(meetingCues('')).toEqual({ places: [], meeting: 0 });
  });
});
