/*
 * Service Client API for the Outbound Contact Server workspace.
 *
 * The browser client of Workspace Web Edition's Service Client API, written from its documented
 * behaviour: a page loads this file with a script tag and calls
 * `genesys.wwe.service.<namespace>.<method>(...parameters, succeeded, failed)`, and
 * `genesys.wwe.service.subscribe(events, handler, context)`. Requests are posted to the
 * workspace window, which relays them to the gateway (see the project's WORKSPACE.md).
 *
 * The workspace's own UI uses the same method table through `genesys.wwe.ServiceClient`, with a
 * transport of its own (the channel) instead of postMessage, so the list of methods lives here
 * only.
 */
(function (window) {
  'use strict';

  var PROTOCOL_VERSION = 2;
  var USER_AGENT = 'WWE Client';
  // The published client gives up on a request after 10 s without a reply.
  var REQUEST_TIMEOUT_MS = 10000;
  var REQUEST_TIMEOUT_MESSAGE = 'Request timeout';

  /*
   * Every method of every namespace with its parameters, in order, before the two callbacks.
   * A parameter ending in "?" may be left out: callers of the published client omit them
   * (voice.dial(destination, succeeded, failed)), and the reference documents some outbound
   * methods without the interaction id that the published client sends. An omitted parameter
   * travels as null, as the published client sends an omitted userData.
   */
  var METHODS = {
    agent: {
      get: [],
      getState: [],
      getStateList: [],
      setState: ['stateOperationName'],
    },
    interaction: {
      getInteractions: [],
      getByInteractionId: ['interactionId'],
      setUserData: ['interactionId', 'keyValues'],
      deleteUserData: ['interactionId', 'key'],
      selectCaseByCaseId: ['caseId'],
      markdone: ['interactionId'],
      blockMarkdone: ['interactionId', 'warningMessage'],
      unblockMarkdone: ['interactionId'],
      accept: ['interactionId'],
      reject: ['interactionId'],
      singleStepTransfer: ['interactionId', 'targetQuery', 'userData?', 'extensions?'],
      singleStepConference: ['interactionId', 'targetQuery', 'userData?', 'extensions?'],
      consult: ['interactionId', 'targetQuery', 'userData?', 'extensions?'],
      completeTransfer: ['consultInteractionId'],
      completeConference: ['consultInteractionId'],
    },
    voice: {
      dial: ['destination', 'userData?'],
      dialEx: ['destination', 'userData?', 'extensions?'],
      answer: ['interactionId'],
      hold: ['interactionId'],
      resume: ['interactionId'],
      hangUp: ['interactionId'],
      startCallRecording: ['interactionId'],
      stopCallRecording: ['interactionId'],
      pauseCallRecording: ['interactionId'],
      resumeCallRecording: ['interactionId'],
      isMicrophoneMute: [],
      muteMicrophone: [],
      unmuteMicrophone: [],
      isSpeakerMute: [],
      muteSpeaker: [],
      unmuteSpeaker: [],
    },
    outbound: {
      getCampaigns: [],
      getPreviewRecord: ['campaignName'],
      callPreviewRecord: ['interactionId', 'recordHandle'],
      rejectPreviewRecord: ['interactionId?'],
      cancelPreviewRecord: ['interactionId?'],
      startDirectPushPreview: [],
      stopDirectPushPreview: [],
      getListOfCallResults: [],
      setCallResult: ['interactionId', 'callResult'],
      getCallResult: ['interactionId'],
      setDoNotCall: ['interactionId'],
      removeDoNotCall: ['interactionId'],
      rescheduleRecord: ['interactionId', 'recordHandle', 'rescheduleDate', 'callbackType'],
      cancelReschedule: ['interactionId'],
      getChainedRecords: ['interactionId'],
      getRecordFields: ['interactionId'],
      updateRecordFields: ['interactionId', 'recordData'],
    },
    system: {
      getAllowedServices: [],
      triggerActivity: [],
      popupToast: ['parameters'],
      updateToast: ['id', 'parameters'],
      closeToast: ['id'],
      openDialog: ['url', 'options?'],
      closeDialog: ['dialogId'],
      updateViewInApplicationMenuBar: ['parameters'],
      closeViewInApplicationMenuBar: ['parameters'],
      amIVisible: [],
      isFrameLeading: [],
      isFrameFollowing: [],
      isFrameNegotiating: [],
      isFrameLeadingOrNegotiating: [],
      isLastActiveFrame: [],
    },
    // Namespaces of the reference that this server does not serve: kept so that a page written
    // for Workspace Web Edition gets the server's error reply instead of a TypeError.
    media: {
      getMediaList: [],
      getMediaByName: ['name'],
      setState: ['name', 'stateOperationName'],
    },
    configuration: {
      getOption: ['options'],
      getContextualOption: ['options', 'interactionId'],
    },
    email: {
      create: ['destination', 'userData?'],
    },
    auth: {
      getJwtToken: [],
    },
    messenger: {
      broadcastMessage: ['channel', 'message'],
    },
  };

  /**
   * Splits the arguments of a call into its parameters and its two callbacks. The callbacks are
   * the first function arguments: a function where a parameter was expected means the optional
   * parameters from there on were left out.
   */
  function splitArguments(declared, args) {
    var parameters = [];
    var index = 0;
    for (; index < declared.length; index++) {
      if (typeof args[index] === 'function') break;
      parameters.push(args[index] === undefined ? null : args[index]);
    }
    for (var rest = index; rest < declared.length; rest++) {
      if (declared[rest].slice(-1) !== '?') {
        throw new TypeError('missing parameter ' + declared[rest]);
      }
      parameters.push(null);
    }
    return { parameters: parameters, succeeded: args[index], failed: args[index + 1] };
  }

  /** Whether a message comes from a workspace: the published client's own test. */
  function fromWorkspace(message) {
    return (
      message !== null &&
      typeof message === 'object' &&
      typeof message.userAgent === 'string' &&
      message.userAgent.indexOf('WWE') !== -1
    );
  }

  function safely(what, callback, context, value) {
    try {
      callback.call(context, value);
    } catch (error) {
      // A failing handler of the page must not stop the replies and events after it.
      if (window.console) window.console.error('ServiceClientAPI: error in ' + what + ': ' + error);
    }
  }

  /**
   * One Service Client: pending requests by referenceId, subscriptions by event name, and the
   * namespaces of METHODS. `post(message)` sends a message to the workspace; replies and events
   * are given to `receive(message)`. Callbacks are called with the client as `this`, as the
   * published client does.
   */
  function ServiceClient(post) {
    var nextReferenceId = 0;
    var pending = {};
    var subscriptions = [];

    /** The frame id the workspace assigned this page, sent back in every message. */
    this.frameId = undefined;

    var send = (message) => {
      message.userAgent = USER_AGENT;
      message.protocolVersion = PROTOCOL_VERSION;
      if (this.frameId !== undefined) message.frameId = this.frameId;
      post(message);
    };

    /**
     * Sends a request (or a subscribe/unsubscribe message) and calls `succeeded` or `failed`
     * with its reply. Returns the referenceId.
     */
    this.sendMessage = (message, succeeded, failed) => {
      if (!message.referenceId) message.referenceId = String(nextReferenceId++);
      var referenceId = message.referenceId;
      if (succeeded || failed) {
        pending[referenceId] = {
          succeeded: succeeded,
          failed: failed,
          timer: window.setTimeout(() => {
            delete pending[referenceId];
            if (failed) safely('the failed callback', failed, this, REQUEST_TIMEOUT_MESSAGE);
          }, REQUEST_TIMEOUT_MS),
        };
      }
      send(message);
      return referenceId;
    };

    /** Subscribes `callback` to an event name or a list of names. Returns this client. */
    this.subscribe = (event, callback, context) => {
      this.sendMessage(
        { event: 'subscribe', data: event },
        (reply) => {
          subscriptions.push({
            events: Array.isArray(event) ? event.slice() : [event],
            callback: callback,
            context: context,
            // The published client reads it at the top of the reply; a workspace may also give
            // it as the reply's data.
            subscriptionId:
              reply.subscriptionId !== undefined
                ? reply.subscriptionId
                : reply.data && reply.data.subscriptionId,
          });
        },
        (reply) => {
          if (window.console) {
            window.console.error(
              'ServiceClientAPI: cannot subscribe to ' + event + ': ' + JSON.stringify(reply),
            );
          }
        },
      );
      return this;
    };

    /** Ends the subscription of `callback`. Returns this client. */
    this.unsubscribe = (callback) => {
      for (var i = 0; i < subscriptions.length; i++) {
        if (subscriptions[i].callback === callback) {
          var subscription = subscriptions.splice(i, 1)[0];
          this.sendMessage({ event: 'unsubscribe', data: subscription.subscriptionId });
          break;
        }
      }
      return this;
    };

    /**
     * Takes one message from the workspace: an event, a reply, or the page's frame id. Returns
     * false for a message that is not the workspace's (no "WWE" userAgent).
     */
    this.receive = (message) => {
      if (!fromWorkspace(message)) return false;
      if (message.event) {
        // Events are routed by name; the published client passes the whole message on.
        subscriptions.forEach((subscription) => {
          if (subscription.events.indexOf(message.event) !== -1) {
            var what = 'the handler of "' + message.event + '"';
            safely(what, subscription.callback, subscription.context || this, message);
          }
        });
      } else if (message.referenceId !== undefined && message.referenceId !== null) {
        var request = pending[message.referenceId];
        if (!request) return true;
        delete pending[message.referenceId];
        window.clearTimeout(request.timer);
        var reply = {};
        for (var key in message) if (key !== 'referenceId') reply[key] = message[key];
        // A reply is a failure exactly when it carries an errorMessage.
        if (message.errorMessage !== undefined) {
          if (request.failed) safely('the failed callback', request.failed, this, reply);
        } else if (request.succeeded) {
          safely('the success callback', request.succeeded, this, reply);
        }
      } else if (message.frameId !== undefined) {
        this.frameId = message.frameId;
      }
      return true;
    };

    /**
     * Forgets every pending request (their callbacks are never called) and every subscription.
     * Nothing is sent, as with the published client: the page is going away, and the workspace
     * forgets a client's subscriptions with the client.
     */
    this.unload = () => {
      for (var referenceId in pending) window.clearTimeout(pending[referenceId].timer);
      pending = {};
      subscriptions = [];
    };

    Object.keys(METHODS).forEach((namespace) => {
      var methods = {};
      Object.keys(METHODS[namespace]).forEach((method) => {
        var declared = METHODS[namespace][method];
        methods[method] = (...args) => {
          var call = splitArguments(declared, args);
          var message = { request: namespace + '.' + method };
          // Methods without parameters send none, as the published client does.
          if (declared.length > 0) message.parameters = call.parameters;
          return this.sendMessage(message, call.succeeded, call.failed);
        };
      });
      this[namespace] = methods;
    });
  }

  var genesys = (window.genesys = window.genesys || {});
  var wwe = (genesys.wwe = genesys.wwe || {});
  wwe.ServiceClient = ServiceClient;
  wwe.serviceClientMethods = METHODS;

  // A page that already has a Service Client (Genesys's own, or this file loaded twice) keeps it.
  if (wwe.service) return;

  // The workspace window: set by targetWWEWindow, else the window that opened this page, else
  // the frame that embeds it.
  var workspaceWindow = null;
  function target() {
    return workspaceWindow || window.opener || window.parent;
  }
  // As in the published client: '*' unless a page narrows it to the workspace's origin with
  // genesys.wwe.service.targetOrigin = 'https://my-workspace'.
  var service = new ServiceClient(function (message) {
    target().postMessage(message, service.targetOrigin);
  });
  service.targetOrigin = '*';
  service.targetWWEWindow = function (windowOfWorkspace) {
    workspaceWindow = windowOfWorkspace;
  };
  function originOf(address) {
    // postMessage's '/' is the page's own origin.
    if (address === '/') return window.location.origin;
    try {
      return new URL(address).origin;
    } catch {
      // Not a URL: postMessage refuses it too, so nothing can answer.
      return undefined;
    }
  }
  function onMessage(event) {
    // Only the workspace window answers: messages of sibling frames (or, in the workspace page
    // itself, of the frames it embeds) are not replies to this page's requests.
    if (event.source !== target()) return;
    // A page without a workspace (not embedded, not opened) posts to itself: its own requests
    // are not replies; they time out as they would in Workspace Web Edition's absence.
    if (event.source === window) return;
    // A page that narrowed targetOrigin trusts only the workspace of that origin: the window that
    // opened it may since have navigated to another site, which must not answer in its place.
    if (service.targetOrigin !== '*' && event.origin !== originOf(service.targetOrigin)) return;
    if (service.receive(event.data)) return;
    if (
      typeof service.onMessage === 'function' &&
      typeof event.data === 'string' &&
      event.data.indexOf('wwe') === 0
    ) {
      service.onMessage(event.data);
    }
  }
  var unloadClient = service.unload;
  service.unload = function () {
    unloadClient();
    window.removeEventListener('message', onMessage, false);
  };
  window.addEventListener('message', onMessage, false);
  wwe.service = service;
})(window);
