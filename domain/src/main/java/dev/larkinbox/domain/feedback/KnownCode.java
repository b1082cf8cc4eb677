package dev.larkinbox.domain.feedback;

import dev.larkinbox.domain.label.Labelled;

/**
 * The named values of one of Lark's numbers, as an enum whose constants stand in the order of Lark's numbers from 1
 * (Lark numbers each of these lists so), so that a constant's number is its place.
 */
interface KnownCode extends LarkCode, Labelled {
    /** The enum constant's place; every implementation is an enum. */
    int ordinal();

    @Override
    default int code() {
        return ordinal() + 1;
    }

    @Override
    default String label() {
        return Labelled.super.label();
    }
}
