/**
 * The bodies the user pastes into OneSignal, shown in the node and in the README. Every value is
 * quoted so a field OneSignal leaves empty still gives valid JSON; the node turns the quoted
 * timestamp back into a number. Free-text fields (message and page names) are left out on
 * purpose: a name with a quote in it would break the JSON and the event would be refused.
 */

export const EVENT_STREAM_BODY_TEMPLATE = `{
  "event": {
    "kind": "{{ event.kind }}",
    "id": "{{ event.id }}",
    "timestamp": "{{ event.timestamp }}",
    "datetime": "{{ event.datetime }}",
    "app_id": "{{ event.app_id }}",
    "subscription_id": "{{ event.subscription_id }}",
    "subscription_device_type": "{{ event.subscription_device_type }}",
    "onesignal_id": "{{ event.onesignal_id }}",
    "external_id": "{{ event.external_id }}",
    "data": {
      "page_id": "{{ event.data.page_id }}",
      "target_id": "{{ event.data.target_id }}",
      "live_activity_id": "{{ event.data.live_activity_id }}"
    }
  },
  "message": {
    "id": "{{ message.id }}",
    "template_id": "{{ message.template_id }}"
  }
}`;

export const JOURNEY_BODY_TEMPLATE = `{
  "event": {
    "kind": "journey.webhook",
    "id": "{{ event.id }}"
  },
  "user": {
    "onesignal_id": "{{ user.onesignal_id }}",
    "external_id": "{{ user.external_id }}",
    "language": "{{ user.language }}"
  }
}`;

/** Escapes text for the HTML of an n8n notice. */
export function html(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
