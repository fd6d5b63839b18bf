import OneStopPropertiesProvider from './OneStopPropertiesProvider.js';

export default {
  __init__: [ 'oneStopPropertiesProvider' ],
  oneStopPropertiesProvider: [ 'type', OneStopPropertiesProvider ]
};
