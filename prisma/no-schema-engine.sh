#!/bin/sh
# Prisma CLI checks that a schema engine exists before generate; generate does not use it.
exit 1
