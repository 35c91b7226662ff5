// A third-party integration written against the Service Client API only: it would run the same
// inside Genesys's Workspace Web Edition. It follows the agent's outbound interaction from the
// events, and calls a few outbound methods on request.
(function () {
  'use strict';

  var service = window.genesys.wwe.service;
  var currentInteractionId = null;

  function $(id) {
    return document.getElementById(id);
  }

  function show(title, value) {
    $('answer').textContent = title + '\n' + JSON.stringify(value, null, 2);
  }

  function failed(title) {
    return function (reply) {
      // A timeout comes as the string "Request timeout"; a server failure with its errorMessage.
      show(title + ' failed', typeof reply === 'string' ? reply : reply.errorMessage);
    };
  }

  function outboundData(interaction) {
    return (interaction && (interaction.userData || interaction.outboundRecord)) || {};
  }

  function onEvent(message) {
    var data = message.data || {};
    var item = document.createElement('li');
    item.textContent =
      message.event + (data.eventType ? ' ' + data.eventType : '') + ' ' + JSON.stringify(data);
    $('events').prepend(item);
    var interaction = data.interaction;
    if (message.event === 'interaction' && interaction && interaction.interactionId !== undefined) {
      if (data.eventType === 'REMOVED') {
        if (interaction.interactionId === currentInteractionId) setInteraction(null, null);
      } else {
        setInteraction(interaction.interactionId, outboundData(interaction).GSW_PHONE);
      }
    }
  }

  function setInteraction(interactionId, phone) {
    currentInteractionId = interactionId;
    $('interaction-id').textContent = interactionId === null ? 'none' : String(interactionId);
    if (phone !== undefined) $('phone').textContent = phone === null ? '–' : String(phone);
  }

  function withInteraction(title, action) {
    if (currentInteractionId === null) {
      show(title, 'No interaction yet: get a preview record in the workspace.');
      return;
    }
    action(currentInteractionId);
  }

  // Subscribe once, for every event the integration follows (the reference: call subscribe
  // only once).
  service.subscribe(['outbound', 'interaction', 'markdone'], onEvent);

  $('get-campaigns').addEventListener('click', function () {
    service.outbound.getCampaigns(function (reply) {
      show('getCampaigns', reply.data);
    }, failed('getCampaigns'));
  });

  $('get-fields').addEventListener('click', function () {
    withInteraction('getRecordFields', function (interactionId) {
      service.outbound.getRecordFields(
        interactionId,
        function (reply) {
          show('getRecordFields', reply.data);
        },
        failed('getRecordFields'),
      );
    });
  });

  $('get-results').addEventListener('click', function () {
    service.outbound.getListOfCallResults(function (reply) {
      var select = $('result');
      select.replaceChildren();
      Object.keys(reply.data || {}).forEach(function (name) {
        var option = document.createElement('option');
        option.value = String(reply.data[name]);
        option.textContent = name;
        select.append(option);
      });
      show('getListOfCallResults', reply.data);
    }, failed('getListOfCallResults'));
  });

  $('result-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var result = $('result').value;
    withInteraction('setCallResult', function (interactionId) {
      service.outbound.setCallResult(
        interactionId,
        result,
        function (reply) {
          show('setCallResult', reply.data === undefined || reply.data === null ? 'done' : reply.data);
        },
        failed('setCallResult'),
      );
    });
  });
})();
