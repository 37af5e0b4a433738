"""The one way a submission changes state: transitions declared as data, performed by `perform`."""
