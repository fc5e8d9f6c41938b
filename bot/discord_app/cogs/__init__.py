"""One cog per feature: asking, information, owner tools, and the one error handler."""
