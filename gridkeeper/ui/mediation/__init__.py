"""The Mediations page: cases, their record and dialogs, the printed agreement."""
