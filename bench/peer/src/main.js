// The peer a therapist would otherwise reach for: FullCalendar 6's time grid, three days across,
// with the same 24 blocks as the planner's 3-day couples agenda, editable (drag and resize), and
// kept in localStorage as a calendar app would keep it.
import { Calendar } from '@fullcalendar/core';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin from '@fullcalendar/interaction';

const KEY = 'peer.events';
const day = (n, hm) => `2026-12-0${4 + n}T${hm}:00`;
// Eight blocks a day, as in the planner's 3-day template.
const AGENDA = [
  ['09:00', '10:30', 'Joint session'], ['10:30', '10:45', 'Break'], ['10:45', '11:45', 'Individual session'],
  ['11:45', '12:00', 'Break'], ['12:00', '13:00', 'Lunch'], ['13:00', '14:30', 'Joint session'],
  ['14:30', '14:45', 'Break'], ['14:45', '16:30', 'Integration'],
];
function initial() {
  const events = [];
  for (let n = 0; n < 3; n += 1) {
    for (const [start, end, title] of AGENDA) events.push({ id: `e${events.length}`, title, start: day(n, start), end: day(n, end) });
  }
  return events;
}
function load() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY));
    if (Array.isArray(stored)) return stored;
  } catch {
    // Unreadable: start again from the agenda.
  }
  return initial();
}
const calendar = new Calendar(document.getElementById('calendar'), {
  plugins: [timeGridPlugin, interactionPlugin],
  initialView: 'timeGrid',
  duration: { days: 3 },
  initialDate: '2026-12-04',
  slotMinTime: '08:00:00',
  slotMaxTime: '18:00:00',
  allDaySlot: false,
  editable: true,
  height: 'auto',
  events: load(),
  eventChange: () => localStorage.setItem(KEY, JSON.stringify(calendar.getEvents().map((e) => ({ id: e.id, title: e.title, start: e.startStr, end: e.endStr })))),
});
calendar.render();
