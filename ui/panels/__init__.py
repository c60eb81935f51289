"""The lessons' larger panels (a training panel and its queue-following fragment, a replay,
a grid of predictions), one module per lesson, so that its page reads like the lesson."""
