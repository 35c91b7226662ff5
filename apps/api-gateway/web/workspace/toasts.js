// The custom toasts of the Service Client API (system.popupToast, updateToast, closeToast): the
// gateway keeps them and says what to show through host frames
// `{ event: 'toast', action: 'show', toast }` and `{ event: 'toast', action: 'close', customToastId }`
// (WORKSPACE.md, "Channel frames"); this page only renders them. A button click goes back to the
// gateway, which closes the toast and tells the page that popped it (CUSTOM_TOAST_BUTTON_CLICK).

/**
 * Renders toasts into `container` (a live region). `click(customToastId, buttonIndex)` reports a
 * click (false when it could not be sent); `show(client)` brings the frame of the page that popped
 * a toast into view, for its "Show" button.
 */
export function createToasts(container, { click, show }) {
  const shown = new Map();

  function render(toast) {
    const titleId = `toast-title-${toast.customToastId}`;
    const element = document.createElement('section');
    element.className = 'toast';
    element.dataset.toastId = toast.customToastId;
    element.setAttribute('aria-labelledby', titleId);
    if (toast.width) element.style.width = `${toast.width}px`;

    const heading = document.createElement('h3');
    heading.id = titleId;
    if (toast.iconUrl) {
      const icon = document.createElement('img');
      icon.src = toast.iconUrl;
      // Decorative: the title says what the toast is.
      icon.alt = '';
      icon.width = 20;
      icon.height = 20;
      icon.referrerPolicy = 'no-referrer';
      heading.append(icon);
    }
    heading.append(toast.title);
    element.append(heading);
    if (toast.subject) {
      const subject = document.createElement('p');
      subject.className = 'toast-subject';
      subject.textContent = toast.subject;
      element.append(subject);
    }
    if (toast.message) {
      const message = document.createElement('p');
      message.className = 'toast-message';
      message.textContent = toast.message;
      element.append(message);
    }
    const pairs = Object.entries(toast.keyValues ?? {});
    if (pairs.length > 0) {
      const list = document.createElement('dl');
      for (const [key, value] of pairs) {
        const term = document.createElement('dt');
        term.textContent = key;
        const detail = document.createElement('dd');
        detail.textContent = value;
        list.append(term, detail);
      }
      element.append(list);
    }
    const actions = document.createElement('div');
    actions.className = 'toast-actions';
    actions.setAttribute('role', 'group');
    actions.setAttribute('aria-label', `Answer to ${toast.title}`);
    // The reference's order: [Button 2] [Button 3] ... [Button N] [Button 1]; the index reported
    // is the button's place in the list the page gave.
    const order = toast.buttons.map((label, index) => ({ label, index }));
    if (order.length > 1) order.push(order.shift());
    for (const { label, index } of order) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      if (index === 0) button.className = 'primary';
      button.addEventListener('click', () => {
        if (!click(toast.customToastId, index)) return;
        // The gateway closes it too; gone at once, so a second click cannot count.
        remove(toast.customToastId);
        if (toast.buttonShowDismiss && index === 0) show(toast.client);
      });
      actions.append(button);
    }
    element.append(actions);
    return element;
  }

  function remove(customToastId) {
    shown.get(customToastId)?.remove();
    shown.delete(customToastId);
  }

  return {
    /** A toast host frame of the gateway. */
    apply(frame) {
      if (frame.action === 'close') {
        remove(frame.customToastId);
        return;
      }
      if (frame.action !== 'show' || !frame.toast) return;
      const element = render(frame.toast);
      const before = shown.get(frame.toast.customToastId);
      // An update replaces the toast in place.
      if (before) before.replaceWith(element);
      else container.append(element);
      shown.set(frame.toast.customToastId, element);
    },
    /** Takes every toast away (the channel that knew them is gone). */
    clear() {
      for (const element of shown.values()) element.remove();
      shown.clear();
    },
  };
}
