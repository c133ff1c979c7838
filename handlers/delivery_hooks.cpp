// on_delivery (delivery_hooks.hpp) lives with the feature that follows its deliveries:
// broadcast_handlers.cpp.
