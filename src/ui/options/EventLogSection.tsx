import { useEffect, useState } from 'preact/hooks';
import { openPostCheckDb } from '../../store/db';
import { clearEvents, EVENT_ACTION_LABELS, listEvents, type LoggedEvent } from '../../store/events';
import { SITE_LABELS } from '../../settings/schema';

/** The local event log, newest first, with a one-click clear. */
export function EventLogSection(props: { enabled: boolean; /** Who turned it on or off (event-log-status.ts). */ status: string }) {
  const [events, setEvents] = useState<LoggedEvent[] | null>(null);
  const refresh = () => void listEvents(openPostCheckDb()).then(setEvents);
  useEffect(() => {
    refresh();
    // The background adds events while this page is open; a light poll keeps the view current.
    const timer = setInterval(refresh, 5000);
    return () => clearInterval(timer);
  }, []);
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Event log</h2>
      <p class="muted">
        {props.enabled ? `Kept on this computer for 90 days. ${props.status}` : 'The event log is off: nothing new is recorded.'} It records when, where, which rule and what you did — never what you wrote or whom you named.
      </p>
      {events === null ? null : events.length === 0 ? (
        <p class="empty" data-testid="log-empty">
          No events recorded.
        </p>
      ) : (
        <>
          <table class="log" data-testid="event-log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Site</th>
                <th scope="col">Category</th>
                <th scope="col">Rule</th>
                <th scope="col">Severity</th>
                <th scope="col">What you did</th>
              </tr>
            </thead>
            <tbody>
              {events.slice(0, 500).map((event) => (
                <tr key={event.id}>
                  <td>{new Date(event.time).toLocaleString('en-GB')}</td>
                  <td>{SITE_LABELS[event.site]}</td>
                  <td>{event.category}</td>
                  <td>{event.ruleId}</td>
                  <td>{event.severity}</td>
                  <td>{EVENT_ACTION_LABELS[event.action]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" data-testid="clear-log" onClick={() => void clearEvents(openPostCheckDb()).then(refresh)}>
            Clear the event log ({events.length})
          </button>
        </>
      )}
    </section>
  );
}
