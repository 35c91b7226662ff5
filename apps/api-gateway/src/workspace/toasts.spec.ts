import {
  MAX_TOASTS,
  MAX_TOASTS_PER_CLIENT,
  readPopupParameters,
  readUpdateParameters,
  type ToastChange,
  toastButtons,
  Toasts,
} from './toasts';

describe('toast parameters', () => {
  it('takes the reference parameters, with title required for popupToast', () => {
    const parameters = {
      title: 'The title',
      iconUrl: 'https://icons.example/rss.png',
      subject: 'The subject',
      message: 'Line one\nline two',
      keyValues: { key1: 'value one', amount: 12.5, vip: true },
      buttons: ['AAAAA', 'BBBBB'],
      buttonShowDismiss: false,
      autoCloseTimeout: 20_000,
      sendToMyMessage: true,
      width: 500,
    };
    expect(readPopupParameters(parameters)).toEqual({
      ok: true,
      parameters: { ...parameters, keyValues: { key1: 'value one', amount: '12.5', vip: 'true' } },
    });
    // Left-out values (null from the SDK) are not given.
    expect(readPopupParameters({ title: 'T', subject: null })).toEqual({
      ok: true,
      parameters: { title: 'T' },
    });
    expect(readPopupParameters({ message: 'no title' })).toEqual({
      ok: false,
      errorMessage: 'parameters.title is required',
    });
    // updateToast changes what it is given.
    expect(readUpdateParameters({ message: 'new' })).toEqual({ ok: true, parameters: { message: 'new' } });
  });

  it('refuses bad values and unknown names with a message naming the parameter', () => {
    const refused: Array<[unknown, string]> = [
      [null, 'parameters must be an object'],
      ['title', 'parameters must be an object'],
      [{ title: '  ' }, 'parameters.title must not be empty'],
      [{ title: 5 }, 'parameters.title must be a string'],
      [{ title: 'x'.repeat(201) }, 'parameters.title must be at most 200 characters'],
      [{ title: 'T', iconUrl: 'javascript:alert(1)' }, 'parameters.iconUrl must be an http(s) URL'],
      [{ title: 'T', iconUrl: 'not a url' }, 'parameters.iconUrl must be an http(s) URL'],
      [{ title: 'T', keyValues: ['a'] }, 'parameters.keyValues must be an object of keys and values'],
      [
        { title: 'T', keyValues: { a: { b: 1 } } },
        'parameters.keyValues.a must be a string, a number or a boolean',
      ],
      [{ title: 'T', buttons: 'OK' }, 'parameters.buttons must be an array of at most 10 labels'],
      [{ title: 'T', buttons: ['OK', ''] }, 'parameters.buttons must hold labels of 1 to 60 characters'],
      [{ title: 'T', buttonShowDismiss: 'yes' }, 'parameters.buttonShowDismiss must be true or false'],
      [
        { title: 'T', autoCloseTimeout: -1 },
        'parameters.autoCloseTimeout must be a whole number of milliseconds from 0 to 3600000',
      ],
      [{ title: 'T', width: 1.5 }, 'parameters.width must be a whole number of pixels from 100 to 2000'],
    ];
    for (const [parameters, errorMessage] of refused) {
      expect(readPopupParameters(parameters)).toEqual({ ok: false, errorMessage });
    }
    expect(readPopupParameters({ title: 'T', autoClose: 10 })).toEqual({
      ok: false,
      errorMessage: expect.stringMatching(/^parameters\.autoClose is not a parameter of this method/),
    });
    // updateToast does not take how the toast lives.
    expect(readUpdateParameters({ width: 300 })).toMatchObject({ ok: false });
  });

  it('shows Show and Dismiss, the custom buttons, or OK', () => {
    expect(toastButtons({ buttonShowDismiss: true, buttons: ['A'] })).toEqual(['Show', 'Dismiss']);
    expect(toastButtons({ buttons: ['A', 'B'] })).toEqual(['A', 'B']);
    expect(toastButtons({ buttons: [] })).toEqual(['OK']);
    expect(toastButtons({})).toEqual(['OK']);
  });
});

describe('the toasts of a workspace', () => {
  function toasts() {
    const changes: ToastChange[] = [];
    const timers: Array<{ ms: number; action: () => void; cancelled: boolean }> = [];
    const list = new Toasts({
      schedule: (ms, action) => {
        const timer = { ms, action, cancelled: false };
        timers.push(timer);
        return () => (timer.cancelled = true);
      },
      changed: (change) => changes.push(change),
    });
    return { list, changes, timers };
  }

  it('updates and closes only the toasts a client popped', () => {
    const { list, changes } = toasts();
    const id = list.popup('crm', { title: 'T', message: 'm', width: 400 });
    expect(id).toBe('wweCustomToast0');
    expect(list.update('other', id, { message: 'x' })).toBe(false);
    expect(list.update('crm', id, { message: 'changed' })).toBe(true);
    expect(list.update('crm', 'wweCustomToast9', { message: 'x' })).toBe(false);
    expect(changes.at(-1)).toEqual({
      action: 'show',
      toast: {
        customToastId: id,
        client: 'crm',
        title: 'T',
        message: 'changed',
        buttons: ['OK'],
        buttonShowDismiss: false,
        width: 400,
      },
    });
    expect(list.close('other', id)).toBe(false);
    expect(list.close('crm', id)).toBe(true);
    expect(list.close('crm', id)).toBe(false);
    expect(changes.at(-1)).toEqual({ action: 'close', customToastId: id });
  });

  it('closes a toast after autoCloseTimeout, unless it went first', () => {
    const { list, changes, timers } = toasts();
    const id = list.popup('crm', { title: 'T', autoCloseTimeout: 5000 });
    list.popup('crm', { title: 'U', autoCloseTimeout: 0 });
    expect(timers.map((timer) => timer.ms)).toEqual([5000]);
    timers[0]!.action();
    expect(changes.at(-1)).toEqual({ action: 'close', customToastId: id });
    const next = list.popup('crm', { title: 'V', autoCloseTimeout: 100 });
    expect(list.click(next, 0)).toEqual({ client: 'crm' });
    expect(timers[1]!.cancelled).toBe(true);
  });

  it('refuses clicks on no button of a shown toast', () => {
    const { list } = toasts();
    const id = list.popup('crm', { title: 'T', buttons: ['A', 'B'] });
    expect(list.click(id, 2)).toEqual({ error: `The toast '${id}' has no button 2` });
    expect(list.click(id, '1')).toEqual({ error: `The toast '${id}' has no button 1` });
    expect(list.click('nope', 0)).toEqual({ error: "There is no toast 'nope'" });
    expect(list.click(id, 1)).toEqual({ client: 'crm' });
    list.clear();
  });

  it('refuses a toast past the number shown at once, per client and per channel', () => {
    const { list, changes } = toasts();
    for (let i = 0; i < MAX_TOASTS_PER_CLIENT; i++)
      expect(list.popup('crm', { title: `T${i}` })).toBeDefined();
    const shown = changes.length;
    expect(list.popup('crm', { title: 'one too many' })).toBeUndefined();
    expect(changes).toHaveLength(shown);
    // Another page still may; closing one makes room again.
    expect(list.popup('other', { title: 'O' })).toBeDefined();
    expect(list.close('crm', 'wweCustomToast0')).toBe(true);
    expect(list.popup('crm', { title: 'again' })).toBeDefined();
    for (let client = 0; list.popup(`page-${client}`, { title: 'P' }) !== undefined; client++);
    expect(changes.filter((change) => change.action === 'show').length - 1).toBeLessThanOrEqual(MAX_TOASTS);
    expect(list.popup('fresh', { title: 'F' })).toBeUndefined();
    list.clear();
  });
});
